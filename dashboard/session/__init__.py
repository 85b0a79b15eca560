"""The viewer's session: the view state and its URL form, the widget binding, sign-in."""
