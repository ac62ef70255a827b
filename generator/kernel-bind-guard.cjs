// Preloaded into the project's tslab kernel (see install-kernel.mjs). tslab 1.0.22 starts reading its
// shell socket and binds its five sockets at once; zeromq 6 refuses a send or a receive on a socket whose
// bind has not settled ("Socket is blocked by a bind or unbind operation", EBUSY). On a busy machine
// Jupyter's first kernel_info_request can land in that window: the reply throws, the shell loop ends,
// and the kernel never answers ("Kernel didn't respond in 60 seconds"). Here a send or a receive waits
// for its socket's pending bind instead, in the order they were asked for.
"use strict";
const path = require("node:path");

/** Makes send() and receive() on every zeromq socket wait for that socket's bind() in progress. */
function guardBinds(zmq) {
  const base = zmq.Socket.prototype;
  if (base.send.bindGuarded) return;
  const { bind, send, receive } = base;
  const pending = new WeakMap(); // socket -> promise that settles when its latest bind does
  const waitingFor = (op) => {
    const guarded = function (...args) {
      const bound = pending.get(this);
      return bound
        ? bound.then(() => op.apply(this, args))
        : op.apply(this, args);
    };
    guarded.bindGuarded = true;
    return guarded;
  };
  function trackedBind(...args) {
    const result = bind.apply(this, args);
    const settled = result.then(
      () => undefined,
      () => undefined, // the caller of bind() sees its own failure
    );
    pending.set(this, settled);
    settled.then(
      () => pending.get(this) === settled && pending.delete(this),
    );
    return result;
  }
  // send and receive can be redefined on the base class; bind cannot, so each socket type gets its own.
  const redefine = (proto, name, value) =>
    Object.defineProperty(proto, name, {
      value,
      configurable: true,
      writable: true,
    });
  redefine(base, "send", waitingFor(send));
  redefine(base, "receive", waitingFor(receive));
  for (const type of Object.values(zmq)) {
    if (typeof type === "function" && type.prototype instanceof zmq.Socket)
      redefine(type.prototype, "bind", trackedBind);
  }
}

// Only in tslab's kernel process: other Node processes started with this NODE_OPTIONS are left alone.
const main = process.argv[1] || "";
if (/[\\/]tslab[\\/]bin[\\/]tslab$/.test(main)) {
  try {
    guardBinds(
      require(
        require.resolve("zeromq", {
          paths: [path.dirname(path.dirname(main))],
        }),
      ),
    );
  } catch {
    // no zeromq next to tslab: nothing to guard, and the kernel reports its own start-up error
  }
}

module.exports = { guardBinds };
