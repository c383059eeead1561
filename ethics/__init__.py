"""Ethics: fair-recruitment checks of vacancies and offers, flags for auditors."""
