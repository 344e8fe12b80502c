// Preloaded into the reference server only when it is profiled: its src/server.js has no
// signal handlers, and a process killed by a signal writes no --cpu-prof profile.
for (const signal of ['SIGTERM', 'SIGINT']) process.on(signal, () => process.exit(0));
