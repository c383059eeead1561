"""The labelled corpus of vacancies and offers for the ethics engine."""
