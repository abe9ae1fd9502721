"""`termguard eval`: measure the review on labelled reference data (CUAD, CLAUDETTE, vendor answer keys).

Every measure runs the real review (`pipeline.analyse`). Missing data folders are skipped with a message.
"""
