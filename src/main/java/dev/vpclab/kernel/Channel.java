package dev.vpclab.kernel;

/** The kernel's sockets (the heartbeat only echoes and is not one of these). */
enum Channel {
  SHELL, CONTROL, STDIN, IOPUB
}
