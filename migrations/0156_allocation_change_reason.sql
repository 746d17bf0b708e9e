-- Why a child's worker changed, as the SSDA903 asks it for each social worker episode (SW_REASON): recorded by the
-- manager who allocates. Allocations made before this column existed keep null: the reason was not asked then.
alter table allocations add column change_reason text
  check (change_reason in ('MANAGE', 'FCONTA', 'LEFTRL', 'ORGRST', 'TSPROC', 'ABSENC', 'CHCHAN', 'PCCHAN', 'SWDIED', 'OTHERS'));
