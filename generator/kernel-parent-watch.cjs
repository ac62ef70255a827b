// Preloaded into the project's tslab kernel (see install-kernel.mjs). Jupyter starts a kernel in a
// session of its own and names the process that started it in JPY_PARENT_PID; ipykernel exits when
// that process is gone, tslab does not. When the starter dies without stopping its kernels (killed,
// cancelled CI, a crashed notebook server), this makes the kernel exit too instead of running on.
"use strict";
const parent = Number(process.env.JPY_PARENT_PID);
if (Number.isInteger(parent) && parent > 1) {
  const watch = setInterval(() => {
    try {
      process.kill(parent, 0); // signal 0: only asks whether the process exists
    } catch (err) {
      if (err && err.code === "ESRCH") {
        clearInterval(watch);
        process.exit(0);
      }
    }
  }, 1000);
  watch.unref();
}
