# Pacesetter server image: the API and the built web app, on PostgreSQL (DATABASE_URL) or the embedded store
# in /data. Used by deploy/docker-compose.yml; see docs/deployment.md.
FROM node:24-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci
COPY . .
RUN npm run build:web && npm prune --omit=dev

FROM node:24-bookworm-slim
# Chromium prints the PDFs (docs/printing.md); build with --build-arg PDF=false for a smaller image without them.
ARG PDF=true
RUN if [ "$PDF" = "true" ]; then apt-get update && apt-get install -y --no-install-recommends chromium fonts-dejavu-core \
      && rm -rf /var/lib/apt/lists/*; fi
ENV NODE_ENV=production HOST=0.0.0.0 PORT=3000 PACESETTER_DATA=/data
WORKDIR /app
COPY --from=build /app /app
RUN mkdir -p /data && chown node:node /data
USER node
VOLUME ["/data"]
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=5s CMD node -e "fetch('http://127.0.0.1:'+process.env.PORT+'/api/health').then(r=>process.exit(r.ok?0:1)).catch(()=>process.exit(1))"
CMD ["node", "bin/pacesetter.js", "serve"]
