-- What the people search looks in and sorts by, written by the application with every name
-- (SQLite's lower() knows ASCII only): the name in lower case and the e-mail address on a
-- line of its own, and the name's Swedish sort key (å, ä, ö after z). Rows from before are
-- filled in when the server starts (db::people_search::fill_missing). The search then reads
-- one page of people, not the register.
ALTER TABLE app_user ADD COLUMN search_text TEXT;
ALTER TABLE app_user ADD COLUMN sort_name TEXT;
CREATE INDEX app_user_by_sort_name ON app_user (sort_name, email, id);
