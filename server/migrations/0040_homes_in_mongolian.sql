-- A home's name and address in traditional Mongolian script, when the register file gives them
-- (its optional name_mn and address_mn columns); NULL where it does not.
ALTER TABLE homes ADD COLUMN name_mn TEXT;
ALTER TABLE homes ADD COLUMN address_mn TEXT;
