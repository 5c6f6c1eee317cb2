# The bot as a small, non-root container: `docker build -t send-partnership-bot .`
# Runs the compiled JavaScript with plain node (`node dist/app/main.js`) on port 3978, with
# GET /healthz: no npm, tsx or other wrapper process between the container and the bot.
# Configure it with environment variables (see .env.example and docs/DEPLOY.md).

# ---- 1. Build: every dependency, the generated Prisma client, then `npm run build`, which compiles
#         src/ into dist/app/ (esbuild, one file per source file) and copies the generated client
#         beside it. Install scripts stay off (nothing needs building); the client is not committed
#         (src/generated/ is in .gitignore), so it is generated here, explicitly, from
#         prisma/schema.prisma. It uses the JavaScript query compiler and WASM: nothing native.
FROM node:24-bookworm-slim AS build
WORKDIR /app
ENV npm_config_fund=false npm_config_audit=false npm_config_update_notifier=false CHECKPOINT_DISABLE=1
COPY package.json package-lock.json prisma.config.ts tsconfig.json ./
COPY prisma ./prisma
RUN npm ci --ignore-scripts --no-progress && npx --no-install prisma generate
COPY src ./src
RUN npm run build

# ---- 2. Production dependencies only.
FROM node:24-bookworm-slim AS deps
WORKDIR /app
ENV npm_config_fund=false npm_config_audit=false npm_config_update_notifier=false
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --ignore-scripts --no-progress && npm cache clean --force

# ---- 3. The runtime image: compiled code, migrations and demo data, and nothing else. Files the
#         app reads at run time (prisma/migrations, prisma/demo) are found from package.json's folder.
FROM node:24-bookworm-slim AS runtime
ENV NODE_ENV=production \
    PORT=3978 \
    DATA_DIR=/data
WORKDIR /app
COPY --from=deps --chown=root:root /app/node_modules ./node_modules
COPY --from=build --chown=root:root /app/dist/app ./dist/app
COPY --chown=root:root package.json ./
COPY --chown=root:root prisma ./prisma
# The embedded database (only used when DATABASE_URL is not set) lives in a volume the app may write.
RUN mkdir -p /data && chown node:node /data
VOLUME ["/data"]
USER node
EXPOSE 3978
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3978)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
# node runs as PID 1 and gets SIGTERM directly; the bot finishes turns in flight, then exits.
CMD ["node", "dist/app/main.js"]
