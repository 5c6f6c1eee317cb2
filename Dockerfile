# The bot as a small, non-root container: `docker build -t send-partnership-bot .`
# Runs `node --import tsx src/main.ts` (what `npm start` runs) on port 3978, with GET /healthz.
# Configure it with environment variables (see .env.example and docs/DEPLOY.md).

# ---- 1. Production dependencies and the generated Prisma client. Install scripts stay off (nothing
#         needs building); the client is not committed (src/generated/ is in .gitignore), so it is
#         generated here, explicitly, from prisma/schema.prisma. It uses the JavaScript query
#         compiler and WASM, so nothing native is downloaded.
FROM node:24-bookworm-slim AS deps
WORKDIR /app
ENV npm_config_fund=false npm_config_audit=false npm_config_update_notifier=false CHECKPOINT_DISABLE=1
COPY package.json package-lock.json prisma.config.ts ./
COPY prisma ./prisma
RUN npm ci --omit=dev --ignore-scripts --no-progress \
 && npx --no-install prisma generate \
 && npm cache clean --force

# ---- 2. The runtime image: the app's sources, migrations and demo data, and nothing else.
FROM node:24-bookworm-slim AS runtime
ENV NODE_ENV=production \
    PORT=3978 \
    DATA_DIR=/data
WORKDIR /app
COPY --from=deps --chown=root:root /app/node_modules ./node_modules
COPY --from=deps --chown=root:root /app/src/generated ./src/generated
COPY --chown=root:root package.json tsconfig.json ./
COPY --chown=root:root src ./src
COPY --chown=root:root prisma ./prisma
# The embedded database (only used when DATABASE_URL is not set) lives in a volume the app may write.
RUN mkdir -p /data && chown node:node /data
VOLUME ["/data"]
USER node
EXPOSE 3978
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3978)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
# node runs as PID 1 and gets SIGTERM directly; src/main.ts finishes turns in flight, then exits.
CMD ["node", "--import", "tsx", "src/main.ts"]
