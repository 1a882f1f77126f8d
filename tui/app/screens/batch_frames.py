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
"""

from __future__ import annotations

from typing import Any

from textual.screen import Screen


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
            self.app.call_later(self._pay_owed_frame)  # another batch still held: later
            return
        self._compositor_refresh()
