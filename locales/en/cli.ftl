# The command line's own words (English).

report-legend = { $error } must be fixed before the nominations go forward; { $warning } are worth a look.
severity-error = error
severity-warning = warning
report-campaign = Campaign
report-fix = fix: { $fix }
report-errors = { $count ->
    [one] 1 error
   *[other] { $count } errors
}
report-warnings = { $count ->
    [one] 1 warning
   *[other] { $count } warnings
}
report-group-total = { $heading }: { $errors }, { $warnings }
report-total = { $laureates ->
    [one] 1 laureate
   *[other] { $laureates } laureates
} checked{ $unloaded ->
    [0] {""}
    [one] {" "}(1 laureate could not be loaded)
   *[other] {" "}({ $unloaded } laureates could not be loaded)
}: { $errors }, { $warnings }
