/**
 * Sets data-theme before the first paint so a dark-theme user never sees a white flash.
 * "system" (or nothing stored) follows prefers-color-scheme. Runs inline with the CSP nonce.
 */
const script = `(function(){try{var s=localStorage.getItem("klikk-theme");var d=s==="dark"||((!s||s==="system")&&matchMedia("(prefers-color-scheme: dark)").matches);document.documentElement.dataset.theme=d?"dark":"light";}catch(e){}})();`;

export function ThemeScript({ nonce }: { nonce: string | undefined }) {
  return <script nonce={nonce} dangerouslySetInnerHTML={{ __html: script }} />;
}
