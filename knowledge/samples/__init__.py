"""Sample knowledge base (documents under kb/) and the script that generates its binary files."""
