-- The title of a numbered bill (「令和N年度一般会計補正予算（第M号）」) heads its column of the 予算現額; null for a
-- supplementary budget recorded before bills were numbered, whose column keeps its name.
ALTER TABLE supplementary_budget_column ADD COLUMN title text;
