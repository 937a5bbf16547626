"""Services: every write a user asks for; views parse, call one service, render."""
