"""The classroom: a hub in the `serve --class` process, and the client that runs in each app.

The teacher's app (a browser tab or `--lead`) sends its `Selection` to the hub; the hub keeps
the latest and passes it to every student's app (tabs and `--follow` terminals) and notes view,
which apply it in their own language. Only the teacher's secret token may lead.
"""
