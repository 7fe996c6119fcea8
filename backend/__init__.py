"""Portalis backend: the translation engine and the clients that reach a translator."""
