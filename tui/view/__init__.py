"""Presentation without Textual: what an event, a beat, a handout shows, as Rich text;
the Selection; line breaking. Shared by the panes, the presenter and the handouts."""
