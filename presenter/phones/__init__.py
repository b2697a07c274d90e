"""Anonymous answers from phones over the room's own network.

The room (:mod:`.room`) and the page (:mod:`.page`) are plain Python; the server
(:mod:`.server`) is Qt's own HTTP server on the event loop; :mod:`.service` ties them to
the session controller, the only writer of the record. See docs/phones.md.
"""
