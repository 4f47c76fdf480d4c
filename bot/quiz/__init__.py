"""Quizzes from course material: generation (offline and LLM), the support check, grading and LMS export."""
