// Runs before the TypeScript scripts with whatever Node the user has, so it is plain old
// JavaScript: an older Node would otherwise stop at ERR_UNKNOWN_FILE_EXTENSION ".ts", which
// says nothing about the cause. One line, then a non-zero exit.
var need = [22, 13];
var have = process.versions.node.split(".").map(Number);
if (have[0] < need[0] || (have[0] === need[0] && have[1] < need[1])) {
  console.error("klikk dashboard needs Node.js " + need.join(".") + " or newer (Node 24 LTS recommended); this is Node " + process.versions.node + ".");
  process.exit(1);
}
