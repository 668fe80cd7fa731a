"""gunicorn's settings in production: `gunicorn aidtracker.wsgi` reads this file from the working directory.

Threaded workers (gthread): a thread writing to a client that stopped reading (a stalled download of
/deliveries.json?_all=1) holds only itself, and the worker's other threads go on answering. With the
default sync workers, two such clients held both workers, and every other request waited until they
hung up. Threads are not a cure for many stalled clients at once: put a buffering proxy in front (nginx
with proxy_buffering on, its default), which reads each response at the app's pace and feeds slow
clients itself (README, "Running in production"). benchmarks/slow_readers.py measures it.

Each thread keeps its own database connection (CONN_MAX_AGE): workers × threads connections per server.
Any setting here can be overridden on the command line (--workers 8) or in GUNICORN_CMD_ARGS.
"""

worker_class = "gthread"
workers = 4
threads = 8
# seconds a worker may go silent before it is restarted; a gthread worker's main loop stays alive while its
# threads stream, so a long download is not cut off by it
timeout = 60
# a browser's idle keep-alive connection waits in the worker's poller, not in a thread
keepalive = 5
