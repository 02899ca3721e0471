package dev.vpclab.kernel;

import dev.vpclab.notebook.Json;

/** Where handlers send messages: replies to a request's socket, broadcasts on IOPub. */
interface Outbox {
  /** A reply on the socket the request came in on, to its sender. */
  void reply(Message request, String type, Json.Obj content);

  /** A broadcast on IOPub, its parent the request. */
  void publish(Message parent, String type, Json.Obj content);

  /** One line in the kernel's log (standard error). */
  void log(String line);
}
