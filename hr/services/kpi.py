"""The KPI engine's public entry points, gathered from the modules that compute them."""

from hr.services.evaluation import CourseHealth, course_health, kirkpatrick
from hr.services.kpi_department import department_kpi, department_kpis
from hr.services.kpi_employee import employee_rates, explain_employee
from hr.services.kpi_specialist import specialist_kpis

__all__ = ["CourseHealth", "course_health", "department_kpi", "department_kpis", "employee_rates", "explain_employee", "kirkpatrick",
           "specialist_kpis"]
