"""The session record: journal codec, file, recovery, recorder, the store of records and
resuming.
"""
