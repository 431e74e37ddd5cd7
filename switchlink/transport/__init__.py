"""The daemon's side of the wire: frame format (protocol), CURVE keys, and the sockets (server).

Kept empty on purpose: importing ``switchlink.transport.protocol`` (the console does) must not
pull in the server, and with it the services and the engine.
"""
