"""Fair-recruitment rules: the catalogue (data) and the small pure functions that apply it."""
