print("docs: not yet")
