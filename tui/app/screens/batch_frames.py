"""A screen that does not draw frames that Textual would throw away.

Textual lays a screen out while the app holds a batch (`App.batch_update`) and then renders it,
but `App._display` drops every frame rendered during a batch. The app holds one through its
whole start (compose, resize and mount), which is when the browser is pushed: on the shipped
story the browser was rendered in full twice for nothing, about 100 ms of CPU before the first
frame (measured with `Compositor.render_update` counted by batch state: 2 renders, 96-117 ms;
a walk over every key rendered nothing else in a batch).

A screen built on this one skips the render while a batch is held and owes a frame instead:
the screen stays dirty (nothing is cleared), and once the batch is over the app renders it,
unless a render came in the meantime.

While a batch is still held, the frame is asked for again a frame's time later, on a timer: asked
again through the app's queue at once, the app's loop would run that callback forever without
yielding to the task or timer that ends the batch (Textual's command palette holds one until a
timer of the app's ends it, `App.delay_update`; a random walk that chose a command hung so).
"""

from __future__ import annotations

from typing import Any

from textual.screen import Screen

FRAME_SECONDS = 1 / 60
"""How long a frame owed while a batch is held waits before it asks again."""


class NoDroppedFrames(Screen[Any]):
    """Render only when the frame can reach the terminal."""

    _frame_owed = False

    def _compositor_refresh(self) -> None:
        app = self.app
        if app._batch_count and self is app.screen and not app.is_inline:
            if not self._frame_owed:
                self._frame_owed = True
                # The app's queue: at start its loop begins only after the batch is over.
                app.call_later(self._pay_owed_frame)
            return
        self._frame_owed = False
        super()._compositor_refresh()

    def _pay_owed_frame(self) -> None:
        """The frame skipped during a batch, if no render has drawn it since."""
        if not self._frame_owed or not self.is_attached:
            self._frame_owed = False
            return
        if self.app._batch_count:
            self.set_timer(FRAME_SECONDS, self._pay_owed_frame, name="owed frame")
            return
        self._compositor_refresh()
