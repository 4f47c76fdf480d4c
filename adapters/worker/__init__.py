"""Background work for every channel: replies off the request path, in-process or on Redis via arq."""
