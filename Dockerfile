# klikk dashboard: production image (the standalone build, run as a non-root user).
#   docker build -t klikk-dashboard .
#   docker run -p 3000:3000 -e KLIKK_API_URL=https://my.klikk.com/api \
#     -e SESSION_SECRET="$(openssl rand -base64 32)" -e APP_ORIGIN=https://dashboard.example.com klikk-dashboard

FROM node:24-bookworm-slim AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund

FROM node:24-bookworm-slim AS build
WORKDIR /app
ENV NEXT_TELEMETRY_DISABLED=1
COPY --from=deps /app/node_modules ./node_modules
COPY . .
# next build, then public/ and .next/static laid out beside the standalone server.
RUN node scripts/build.ts

FROM node:24-bookworm-slim AS run
WORKDIR /app
ENV NODE_ENV=production \
    NEXT_TELEMETRY_DISABLED=1 \
    PORT=3000 \
    HOSTNAME=0.0.0.0 \
    DATA_DIR=/data
# As npm start runs the server (serverProcessEnv in scripts/build.ts): two malloc arenas (glibc's
# default of up to 8 per core held 20 to 40 MB more under the bench's load), and idle
# connections kept longer than a reverse proxy keeps them (Node's 5 s: resets, 502s on POSTs).
ENV MALLOC_ARENA_MAX=2 \
    KEEP_ALIVE_TIMEOUT=65000
# Only the standalone output: the server, its traced dependencies and the static assets.
COPY --from=build --chown=node:node /app/.next/standalone ./
# The node image's unprivileged user (uid 1000); nothing in /app needs to be writable. The
# embedded store (SQLite) lives in /data: mount a volume there, or set REDIS_URL.
RUN mkdir -p /data && chown node:node /data
VOLUME ["/data"]
USER node
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=5s --start-period=15s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/api/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
# Heap sizes as npm start uses them (see serverNodeFlags in scripts/build.ts); raise them for
# accounts far beyond 20,000 servers.
CMD ["node", "--max-semi-space-size=8", "--max-old-space-size=256", "server.js"]
