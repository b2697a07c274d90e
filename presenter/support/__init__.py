"""Support code that imports nothing else from the package: resources, data folders, atomic
writes, translations, a PySide workaround.
"""
