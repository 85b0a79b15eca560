"""Page models: what each page draws, worked out from the datasets once per data folder or view."""
