# syntax=docker/dockerfile:1
# Optional container image of CrmPlatform (API + web app). `./crm run` and `./crm test` do not use it.
#   docker build -t crmplatform .      or      docker compose up --build

# ---- web app -----------------------------------------------------------------------------------
FROM node:20-bookworm-slim AS web
WORKDIR /web
COPY frontend/package.json frontend/package-lock.json ./
# npm install, not ci: the lock omits other platforms' rollup builds (see frontend_install in ./crm).
RUN npm install --no-audit --no-fund
COPY frontend/ ./
RUN npm run build

# ---- build -------------------------------------------------------------------------------------
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
ENV DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
WORKDIR /src

# Central build settings and package versions (Directory.Packages.props pins every version).
COPY global.json Directory.Build.props Directory.Packages.props .editorconfig ./
COPY backend/src/ backend/src/

# The solution's quality gate (warnings as errors, analyzers) is `./crm build` / `./crm test`.
# Here warnings stay visible but must not fail the image, e.g. a NuGet advisory (NU190x)
# published after a version was pinned.
ARG BUILD_FLAGS="-p:TreatWarningsAsErrors=false"
RUN --mount=type=cache,id=crm-nuget,target=/root/.nuget/packages \
    dotnet restore backend/src/CrmPlatform.Host/CrmPlatform.Host.csproj $BUILD_FLAGS
RUN --mount=type=cache,id=crm-nuget,target=/root/.nuget/packages \
    dotnet publish backend/src/CrmPlatform.Host/CrmPlatform.Host.csproj -c Release --no-restore \
        -o /app -p:UseAppHost=false $BUILD_FLAGS

# ---- runtime -----------------------------------------------------------------------------------
FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app

# Data-protection keys (login tokens, cookies) must outlive the container: mount a volume here.
RUN mkdir -p /var/lib/crm/keys && chown -R "$APP_UID" /var/lib/crm

ENV ASPNETCORE_HTTP_PORTS=8080 \
    CRM_SEED_DEMO=false \
    CRM_KEYS_DIR=/var/lib/crm/keys
# ConnectionStrings__Crm must be supplied at run time; AutoMapper__LicenseKey for production (docs/adr/0003).

COPY --from=build /app ./
# The host serves the SPA from wwwroot (Crm:SpaRoot's default) at "/".
COPY --from=web /web/dist ./wwwroot

# The image's built-in non-root user ("app").
USER $APP_UID
EXPOSE 8080
ENTRYPOINT ["dotnet", "CrmPlatform.Host.dll"]
