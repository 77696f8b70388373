# New-Guid -InputObject (microsoft.powershell.utility/new-guid, PowerShell 7.4+): a GUID's text, as a parameter or
# from the pipeline, in any of Guid's forms (32 digits, hyphenated, in braces or parentheses), becomes the Guid,
# written in its hyphenated lower-case form; text that is no GUID writes an error.
(New-Guid -InputObject '0F8FAD5B-D9CB-469F-A165-70867728950E').Guid
'{0F8FAD5B-D9CB-469F-A165-70867728950E}', '(0f8fad5b-d9cb-469f-a165-70867728950e)', '0f8fad5bd9cb469fa16570867728950e' | New-Guid | ForEach-Object { "$_" }
'not-a-guid' | New-Guid
(New-Guid -Empty).Guid
