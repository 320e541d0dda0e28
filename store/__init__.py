"""evwatch store: engine, typed models, migrations and query functions over SQLAlchemy."""
