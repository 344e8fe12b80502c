/** @type {import('next').NextConfig} */
const nextConfig = {
  // One copy of yjs and the native SQLite binding, shared with the custom server (TOOLCHAIN 4).
  serverExternalPackages: ['yjs', 'better-sqlite3', 'kysely'],
  poweredByHeader: false,
  reactStrictMode: true,
  typescript: { ignoreBuildErrors: true }, // `npm run typecheck` checks types; the build need not do it twice
};
export default nextConfig;
