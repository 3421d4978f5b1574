#Requires -Version 5.1
<#
.SYNOPSIS
    Collects a read-only SyncLens snapshot of this Azure AD Connect (Entra Connect Sync) server.

.DESCRIPTION
    Writes a snapshot folder that SyncLens opens offline:

      ServerConfiguration\   sync rules, connectors (schema, filters, selected attributes) and the
                             metaverse schema, as written by Get-ADSyncServerConfiguration
      ConnectorSpaces\       one csexport.exe file per connector (connector-space objects)
      Metaverse\             the metaverse objects connected to those connector-space objects,
                             from Get-ADSyncMVObject (.SerializedXml), in one <mv-objects> file
      snapshot.json          what was collected, from which server and build, and when

    With -Zip the folder is also packed into a .zip file next to it.

    THE OUTPUT CONTAINS DIRECTORY DATA: names, mail addresses, group memberships and every other
    synchronized attribute of the collected objects. Handle it with care, like an export of your
    directory: keep it on encrypted storage, share it only with the people who need it, and delete
    it when the analysis is done. The configuration export contains no passwords.

    The script is strictly read-only on the server. It only calls Get-* cmdlets of the ADSync module
    and csexport.exe; it never starts a sync cycle, never changes a rule, a connector or an object.
    It writes files only under -OutputPath (and the .zip next to it).

    Run it in Windows PowerShell 5.1, elevated (Run as administrator), on the sync server.

.PARAMETER OutputPath
    Folder to create for the snapshot. It must not exist yet or be empty. Default: a new folder
    SyncLens-<server>-<time> in the current directory.

.PARAMETER Zip
    Also pack the snapshot folder into <OutputPath>.zip (Compress-Archive; files must stay under 2 GB).

.PARAMETER IncludeMetaverse
    Collect the metaverse objects connected to the collected connector-space objects. Default: $true.
    Use -IncludeMetaverse:$false to skip them; SyncLens then computes the metaverse from the rules.

.PARAMETER MaxMetaverseObjects
    Stop collecting metaverse objects after this many (0 = no limit, the default). The manifest then
    records that the metaverse export is partial.

.PARAMETER ConnectorName
    Collect only these connectors (connector spaces and metaverse objects). Default: all connectors.

.PARAMETER CsExportFilter
    A csexport.exe /f filter letter: s (disconnectors), i (import errors), e (export errors),
    m (pending imports) or x (pending exports). Default: the whole connector space.

.PARAMETER DistinguishedNameFilter
    Collect only the metaverse objects of connector-space objects whose distinguished name matches
    this wildcard pattern (PowerShell -like, case-insensitive), e.g. '*,OU=Sales,DC=fabrikam,DC=com'.

.PARAMETER Notes
    Free text stored in snapshot.json, e.g. a ticket number.

.EXAMPLE
    .\Export-SyncLensSnapshot.ps1 -OutputPath D:\SyncLens\AADC01 -Zip

    Collects everything into D:\SyncLens\AADC01 and packs it into D:\SyncLens\AADC01.zip.

.EXAMPLE
    .\Export-SyncLensSnapshot.ps1 -ConnectorName 'fabrikam.com' -DistinguishedNameFilter '*,OU=Sales,DC=fabrikam,DC=com'

    Collects the fabrikam.com connector space and the metaverse objects of the Sales OU only.

.EXAMPLE
    .\Export-SyncLensSnapshot.ps1 -CsExportFilter x -IncludeMetaverse:$false

    Collects only the pending exports of every connector, without metaverse objects.

.NOTES
    Collector version 1.0. SyncLens reads the output; it never connects to the server.
#>
[CmdletBinding()]
param(
    [string]$OutputPath = (Join-Path -Path (Get-Location) -ChildPath ('SyncLens-{0}-{1}' -f $env:COMPUTERNAME, (Get-Date -Format 'yyyyMMdd-HHmmss'))),
    [switch]$Zip,
    [bool]$IncludeMetaverse = $true,
    [ValidateRange(0, 2147483647)]
    [int]$MaxMetaverseObjects = 0,
    [string[]]$ConnectorName = @(),
    [ValidateSet('s', 'i', 'e', 'm', 'x')]
    [string]$CsExportFilter,
    [string]$DistinguishedNameFilter,
    [string]$Notes
)

Set-StrictMode -Version Latest
$ErrorActionPreference = 'Stop'

$CollectorVersion = '1.0'
$PageSize = 500
$Activity = 'SyncLens snapshot'
$Utf8 = New-Object -TypeName System.Text.UTF8Encoding -ArgumentList $false

function Test-SyncLensElevation {
    $identity = [Security.Principal.WindowsIdentity]::GetCurrent()
    $principal = New-Object -TypeName Security.Principal.WindowsPrincipal -ArgumentList $identity
    return $principal.IsInRole([Security.Principal.WindowsBuiltInRole]::Administrator)
}

function Get-SyncLensInstallPath {
    # The ADSync service records its installation folder here; Microsoft's own scripts read the same value.
    $key = 'HKLM:\SYSTEM\CurrentControlSet\Services\ADSync\Parameters'
    if (Test-Path -LiteralPath $key) {
        $values = Get-ItemProperty -LiteralPath $key
        if ($values.PSObject.Properties.Name -contains 'Path' -and $values.Path) {
            return $values.Path
        }
    }
    return (Join-Path -Path $env:ProgramFiles -ChildPath 'Microsoft Azure AD Sync')
}

function Get-SyncLensServerVersion {
    param([string]$InstallPath)
    try {
        $settings = Get-ADSyncGlobalSettings
        $parameter = $settings.Parameters |
            Where-Object -FilterScript { $_.Name -eq 'Microsoft.Synchronize.ServerConfigurationVersion' } |
            Select-Object -First 1
        if ($null -ne $parameter -and $parameter.Value) {
            return [string]$parameter.Value
        }
    } catch {
        Write-Warning -Message "Get-ADSyncGlobalSettings failed ($($_.Exception.Message)); reading the version from miiserver.exe."
    }
    $server = Join-Path -Path $InstallPath -ChildPath 'Bin\miiserver.exe'
    if (Test-Path -LiteralPath $server) {
        $file = Get-Item -LiteralPath $server
        return [string]$file.VersionInfo.ProductVersion
    }
    return $null
}

function Get-SyncLensStagingMode {
    try {
        $scheduler = Get-ADSyncScheduler
        return [bool]$scheduler.StagingModeEnabled
    } catch {
        Write-Warning -Message "Get-ADSyncScheduler failed ($($_.Exception.Message)); staging mode is not recorded."
        return $null
    }
}

function ConvertTo-SyncLensFileName {
    param([string]$Name)
    $invalid = [System.IO.Path]::GetInvalidFileNameChars()
    $characters = foreach ($character in $Name.ToCharArray()) {
        if ($invalid -contains $character) { '_' } else { $character }
    }
    return (-join $characters)
}

function ConvertFrom-SyncLensSerializedXml {
    param([string]$SerializedXml)
    # SerializedXml wraps one object in its own <mv-objects> root; the snapshot file has a single root.
    $document = New-Object -TypeName System.Xml.XmlDocument
    $document.PreserveWhitespace = $true
    $document.LoadXml($SerializedXml)
    if ($document.DocumentElement.LocalName -eq 'mv-objects') {
        return $document.DocumentElement.InnerXml
    }
    return $document.DocumentElement.OuterXml
}

function Write-SyncLensConnectorSpaces {
    # Entries go into a list the caller owns: a returned array would reach ConvertTo-Json wrapped in a
    # PSObject, which Windows PowerShell 5.1 serializes as {"value": [...], "Count": n}.
    param([object[]]$Connectors, [string]$CsExportPath, [string]$Folder, [System.Collections.Generic.List[object]]$Entries)
    $index = 0
    foreach ($connector in $Connectors) {
        $index++
        $percent = [int](10 + 40 * $index / $Connectors.Count)
        Write-Progress -Activity $Activity -Status "Connector space $index of $($Connectors.Count): $($connector.Name)" -PercentComplete $percent
        $fileName = (ConvertTo-SyncLensFileName -Name $connector.Name) + '.xml'
        if (Test-Path -LiteralPath (Join-Path -Path $Folder -ChildPath $fileName)) {
            $fileName = (ConvertTo-SyncLensFileName -Name $connector.Name) + "-$index.xml"
        }
        $arguments = @($connector.Name, (Join-Path -Path $Folder -ChildPath $fileName))
        if ($CsExportFilter) {
            $arguments += "/f:$CsExportFilter"
        }
        & $CsExportPath @arguments | Write-Verbose
        if ($LASTEXITCODE -ne 0) {
            throw "csexport.exe failed for connector '$($connector.Name)' with exit code $LASTEXITCODE."
        }
        $Entries.Add([ordered]@{
                connectorId   = $connector.Identifier.ToString().ToLowerInvariant()
                connectorName = $connector.Name
                file          = 'ConnectorSpaces/' + $fileName
                filter        = $(if ($CsExportFilter) { $CsExportFilter } else { $null })
            })
    }
}

function Write-SyncLensMetaverse {
    param([object[]]$Connectors, [string]$File)
    $seen = New-Object -TypeName 'System.Collections.Generic.HashSet[guid]'
    $written = 0
    $truncated = $false
    $writer = New-Object -TypeName System.IO.StreamWriter -ArgumentList $File, $false, $Utf8
    try {
        $writer.WriteLine('<mv-objects>')
        $index = 0
        foreach ($connector in $Connectors) {
            $index++
            $percent = [int](50 + 45 * $index / $Connectors.Count)
            $start = 0
            do {
                Write-Progress -Activity $Activity -Status "Metaverse objects of $($connector.Name): $written written" -PercentComplete $percent
                $page = @(Get-ADSyncCSObject -ConnectorName $connector.Name -StartIndex $start -MaxResultCount $PageSize)
                foreach ($csObject in $page) {
                    if ($DistinguishedNameFilter -and -not ($csObject.DistinguishedName -like $DistinguishedNameFilter)) {
                        continue
                    }
                    $mvId = $csObject.ConnectedMVObjectId
                    if ($null -eq $mvId -or $mvId -eq [guid]::Empty -or -not $seen.Add($mvId)) {
                        continue
                    }
                    if ($MaxMetaverseObjects -gt 0 -and $written -ge $MaxMetaverseObjects) {
                        $truncated = $true
                        break
                    }
                    $mvObject = Get-ADSyncMVObject -Identifier $mvId
                    $writer.WriteLine((ConvertFrom-SyncLensSerializedXml -SerializedXml $mvObject.SerializedXml))
                    $written++
                }
                $start += $page.Count
            } while ($page.Count -eq $PageSize -and -not $truncated)
            if ($truncated) {
                Write-Warning -Message "Stopped after $MaxMetaverseObjects metaverse objects (-MaxMetaverseObjects); the metaverse export is partial."
                break
            }
        }
        $writer.WriteLine('</mv-objects>')
    } finally {
        $writer.Dispose()
    }
    return [pscustomobject]@{ Written = $written; Truncated = $truncated }
}

if (-not (Test-SyncLensElevation)) {
    throw 'Run this script in an elevated Windows PowerShell (Run as administrator): csexport.exe and the ADSync cmdlets need administrator rights.'
}

$installPath = Get-SyncLensInstallPath
$modulePath = Join-Path -Path $installPath -ChildPath 'Bin\ADSync\ADSync.psd1'
if (Test-Path -LiteralPath $modulePath) {
    Import-Module -Name $modulePath
} elseif (Get-Module -ListAvailable -Name 'ADSync') {
    Import-Module -Name 'ADSync'
} else {
    throw "The ADSync PowerShell module was not found (looked for $modulePath). Run this script on the Azure AD Connect (Entra Connect Sync) server."
}
$csexportPath = Join-Path -Path $installPath -ChildPath 'Bin\csexport.exe'
if (-not (Test-Path -LiteralPath $csexportPath)) {
    throw "csexport.exe was not found at $csexportPath."
}

if (Test-Path -LiteralPath $OutputPath) {
    if (@(Get-ChildItem -LiteralPath $OutputPath -Force).Count -gt 0) {
        throw "The folder $OutputPath is not empty. Choose a new -OutputPath so that nothing is overwritten."
    }
} else {
    $null = New-Item -ItemType Directory -Path $OutputPath
}
$OutputPath = (Resolve-Path -LiteralPath $OutputPath).ProviderPath
$zipPath = $OutputPath.TrimEnd('\') + '.zip'
if ($Zip -and (Test-Path -LiteralPath $zipPath)) {
    throw "$zipPath already exists. Move it away or choose another -OutputPath."
}
$exportedAt = (Get-Date).ToUniversalTime().ToString('yyyy-MM-dd\THH:mm:ss\Z', [System.Globalization.CultureInfo]::InvariantCulture)

Write-Progress -Activity $Activity -Status 'Server configuration (Get-ADSyncServerConfiguration)' -PercentComplete 2
$configurationFolder = 'ServerConfiguration'
Get-ADSyncServerConfiguration -Path (Join-Path -Path $OutputPath -ChildPath $configurationFolder)

$connectors = @(Get-ADSyncConnector)
if ($ConnectorName.Count -gt 0) {
    foreach ($wanted in $ConnectorName) {
        if (@($connectors | Where-Object -FilterScript { $_.Name -eq $wanted }).Count -eq 0) {
            Write-Warning -Message "There is no connector named '$wanted'; it is skipped."
        }
    }
    $connectors = @($connectors | Where-Object -FilterScript { $ConnectorName -contains $_.Name })
}

$connectorSpaceFolder = Join-Path -Path $OutputPath -ChildPath 'ConnectorSpaces'
$null = New-Item -ItemType Directory -Path $connectorSpaceFolder
$connectorSpaces = New-Object -TypeName 'System.Collections.Generic.List[object]'
Write-SyncLensConnectorSpaces -Connectors $connectors -CsExportPath $csexportPath -Folder $connectorSpaceFolder -Entries $connectorSpaces

$metaverseFiles = New-Object -TypeName 'System.Collections.Generic.List[string]'
$metaverse = [pscustomobject]@{ Written = $null; Truncated = $null }
if ($IncludeMetaverse -and $connectors.Count -gt 0) {
    $metaverseFolder = Join-Path -Path $OutputPath -ChildPath 'Metaverse'
    $null = New-Item -ItemType Directory -Path $metaverseFolder
    $metaverse = Write-SyncLensMetaverse -Connectors $connectors -File (Join-Path -Path $metaverseFolder -ChildPath 'mv-objects.xml')
    $metaverseFiles.Add('Metaverse/mv-objects.xml')
}

Write-Progress -Activity $Activity -Status 'Server version, staging mode and manifest' -PercentComplete 96
$ruleScripts = New-Object -TypeName 'System.Collections.Generic.List[string]'
$manifest = [ordered]@{
    synclensSnapshot        = 1
    server                  = $env:COMPUTERNAME
    exportedAt              = $exportedAt
    aadConnectVersion       = (Get-SyncLensServerVersion -InstallPath $installPath)
    stagingMode             = (Get-SyncLensStagingMode)
    collector               = "Export-SyncLensSnapshot.ps1 $CollectorVersion"
    serverConfiguration     = $configurationFolder
    connectorSpaces         = $connectorSpaces.ToArray()
    metaverse               = $metaverseFiles.ToArray()
    metaverseObjectCount    = $metaverse.Written
    metaverseTruncated      = $metaverse.Truncated
    distinguishedNameFilter = $(if ($DistinguishedNameFilter) { $DistinguishedNameFilter } else { $null })
    ruleScripts             = $ruleScripts.ToArray()
    notes                   = $(if ($Notes) { $Notes } else { $null })
}
$json = ConvertTo-Json -InputObject $manifest -Depth 5
[System.IO.File]::WriteAllText((Join-Path -Path $OutputPath -ChildPath 'snapshot.json'), $json, $Utf8)

if ($Zip) {
    Write-Progress -Activity $Activity -Status "Packing $zipPath" -PercentComplete 98
    Compress-Archive -Path (Join-Path -Path $OutputPath -ChildPath '*') -DestinationPath $zipPath
}
Write-Progress -Activity $Activity -Completed

$written = $OutputPath
if ($Zip) {
    $written = "$OutputPath and $zipPath"
}
Write-Host -Object "SyncLens snapshot written to $written."
Write-Warning -Message 'The snapshot contains directory data (names, mail addresses, group memberships). Store and share it with care, and delete it when you are done.'
