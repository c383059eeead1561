"""Employers: vacancies, candidates, offers and seasons."""
