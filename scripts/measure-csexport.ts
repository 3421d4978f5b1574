/**
 * Measures how fast csexport files load: raw read, xmllint's C streaming reader, saxes, the fast
 * scanner alone, and CsExportReader delivering full CsObjects (on the fast scanner and on the saxes
 * reference).
 *
 *   npx tsx scripts/measure-csexport.ts [MiB] [--runs N] [--keep]
 *
 * Generates a csexport-shaped file of about MiB mebibytes (default 200) in a temporary folder, runs
 * each reader in its own child process (so peak RSS is its own) and prints the median of N runs,
 * as wall time and as CPU time (steadier when other processes share the machine).
 */
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { SaxesParser } from 'saxes'
import { CsExportReader } from '../shared/formats/csexport/csexport-reader'
import { FastXmlScanner } from '../shared/xml/fast/fast-xml-scanner'
import { NameTable } from '../shared/xml/fast/name-table'
import { ReferenceXmlScanner } from '../shared/xml/fast/reference-xml-scanner'
import type { XmlSink, XmlTag, XmlTokenizerFactory } from '../shared/xml/fast/xml-sink'

const CHUNK_BYTES = 1 << 20
const MIB = 1024 * 1024

const ATTRIBUTES = [
  'displayName',
  'givenName',
  'sn',
  'mail',
  'userPrincipalName',
  'sAMAccountName',
  'department',
  'title',
  'company',
  'telephoneNumber',
  'mobile',
  'physicalDeliveryOfficeName',
  'streetAddress',
  'l',
  'st',
  'postalCode',
  'co',
  'employeeID',
  'employeeType',
  'manager',
  'description',
  'info',
  'extensionAttribute1',
  'extensionAttribute2',
  'extensionAttribute3',
  'extensionAttribute4',
  'accountExpires',
  'userAccountControl',
  'objectGUID',
]

/** One csexport object: 29 attributes and a multi-valued reference, entities and non-ASCII DNs. */
function csObjectXml(i: number): string {
  const dn = `CN=User ${i} été &amp; Ørsted,OU=Users,OU=Site${i % 50},DC=example,DC=com`
  const guid = `${i.toString(16).padStart(8, '0')}-1234-4abc-8def-${(i * 7919).toString(16).padStart(12, '0')}`
  let s = `<cs-object cs-dn="${dn}" id="{${guid.toUpperCase()}}" object-type="user">\r\n`
  s += ` <ma-id>{B891884F-051E-4A83-95AF-2544101C9083}</ma-id>\r\n <connector>1</connector>\r\n`
  s += ` <mv-link lineage-id="{5E8D2C1A-0000-4000-8000-00000000000${i % 10}}" lineage-type="sync-rule">{${guid}}</mv-link>\r\n`
  s += ` <synchronized-hologram>\r\n  <entry dn="${dn}">\r\n   <anchor encoding="base64">${btoa(guid.slice(0, 16))}</anchor>\r\n`
  s += '  <primary-objectclass>user</primary-objectclass>\r\n'
  for (const name of ATTRIBUTES) {
    if (name === 'manager') {
      s += `  <dn-attr name="manager" multivalued="false"><dn-value><dn>CN=Manager ${i % 97},OU=Users,DC=example,DC=com</dn></dn-value></dn-attr>\r\n`
    } else if (name === 'userAccountControl' || name === 'accountExpires') {
      s += `  <attr name="${name}" type="integer" multivalued="false"><value>${512 + (i % 3) * 2}</value></attr>\r\n`
    } else if (name === 'objectGUID') {
      s += `  <attr name="objectGUID" type="binary" multivalued="false"><value encoding="base64">${btoa(guid.slice(0, 16))}</value></attr>\r\n`
    } else {
      s += `  <attr name="${name}" type="string" multivalued="false"><value>${name} of user ${i} &amp; &lt;x&gt;</value></attr>\r\n`
    }
  }
  s += '  <dn-attr name="memberOf" multivalued="true">'
  for (let g = 0; g < 3; g++)
    s += `<dn-value><dn>CN=Group ${(i + g) % 997},OU=Groups,DC=example,DC=com</dn></dn-value>`
  s += '</dn-attr>\r\n  </entry>\r\n </synchronized-hologram>\r\n</cs-object>\r\n'
  return s
}

function generate(file: string, targetBytes: number): number {
  const fd = fs.openSync(file, 'w')
  let written = fs.writeSync(fd, '<cs-objects>\r\n')
  let objects = 0
  let batch = ''
  while (written < targetBytes) {
    batch += csObjectXml(++objects)
    if (batch.length > CHUNK_BYTES) {
      written += fs.writeSync(fd, batch)
      batch = ''
    }
  }
  fs.writeSync(fd, batch + '</cs-objects>\r\n')
  fs.closeSync(fd)
  return objects
}

function* chunks(file: string): Generator<Uint8Array> {
  const fd = fs.openSync(file, 'r')
  const buffer = new Uint8Array(CHUNK_BYTES)
  try {
    for (;;) {
      const read = fs.readSync(fd, buffer, 0, CHUNK_BYTES, null)
      if (read === 0) return
      yield buffer.subarray(0, read)
    }
  } finally {
    fs.closeSync(fd)
  }
}

/** A sink that decodes every attribute and the text after every start tag (leaf values and some indentation). */
class DecodingSink implements XmlSink {
  public wantsText = false
  public values = 0
  public checksum = 0

  public openElement(_nameId: number, tag: XmlTag): void {
    for (let i = 0; i < tag.attributeCount; i++) this.checksum += tag.attributeValue(i).length
    this.wantsText = true
  }

  public closeElement(): void {
    this.wantsText = false
  }

  public text(value: string): void {
    this.values++
    this.checksum += value.length
  }
}

type Mode = 'raw' | 'saxes' | 'tokens' | 'scan' | 'reader' | 'reader-saxes'

const MODES: readonly Mode[] = ['raw', 'saxes', 'tokens', 'scan', 'reader', 'reader-saxes']

const createReference: XmlTokenizerFactory = (sink, names, limits) =>
  new ReferenceXmlScanner(sink, names, limits)

function readObjects(file: string, tokenizer?: XmlTokenizerFactory): string {
  let objects = 0
  let attributes = 0
  const reader = new CsExportReader({
    file: path.basename(file),
    tokenizer,
    onObject: (object) => {
      objects++
      attributes += object.synchronized?.attributes.length ?? 0
    },
    onIssue: (issue) => {
      throw new Error(issue.message)
    },
  })
  for (const chunk of chunks(file)) reader.push(chunk)
  const summary = reader.end()
  return `${objects} objects, ${attributes} attributes${summary.partial ? ', PARTIAL' : ''}`
}

function runChild(mode: Mode, file: string): string {
  switch (mode) {
    case 'raw': {
      let bytes = 0
      for (const chunk of chunks(file)) bytes += chunk.length
      return `${bytes} bytes`
    }
    case 'saxes': {
      const parser = new SaxesParser()
      const decoder = new TextDecoder()
      let objects = 0
      parser.on('opentag', () => {})
      parser.on('text', () => {})
      parser.on('closetag', (tag) => {
        if (tag.name === 'cs-object') objects++
      })
      parser.on('error', (error) => {
        throw error
      })
      for (const chunk of chunks(file)) parser.write(decoder.decode(chunk, { stream: true }))
      parser.close()
      return `${objects} objects`
    }
    case 'tokens': {
      let elements = 0
      const scanner = new FastXmlScanner(
        {
          wantsText: false,
          openElement: () => {
            elements++
          },
          closeElement: () => {},
          text: () => {},
        },
        new NameTable([]),
      )
      for (const chunk of chunks(file)) scanner.push(chunk)
      scanner.end()
      if (scanner.error !== null) throw new Error(scanner.error.message)
      return `${elements} elements, nothing decoded`
    }
    case 'scan': {
      const sink = new DecodingSink()
      const scanner = new FastXmlScanner(sink, new NameTable([]))
      for (const chunk of chunks(file)) scanner.push(chunk)
      scanner.end()
      if (scanner.error !== null) throw new Error(scanner.error.message)
      return `${sink.values} text runs, every attribute and text decoded`
    }
    case 'reader':
      return readObjects(file)
    case 'reader-saxes':
      return readObjects(file, createReference)
  }
}

interface Sample {
  readonly seconds: number
  readonly cpuSeconds: number
  readonly peakRssMiB: number
  readonly note: string
}

function measureChild(mode: Mode, file: string): Sample {
  const script = fileURLToPath(import.meta.url)
  const child = spawnSync(process.execPath, [...process.execArgv, script, '--child', mode, file], {
    encoding: 'utf8',
    maxBuffer: 1 << 20,
  })
  if (child.status !== 0) throw new Error(`${mode} failed: ${child.stderr}`)
  const report = JSON.parse(child.stdout.trim().split('\n').pop() ?? '{}') as {
    seconds: number
    cpuSeconds: number
    maxRssKiB: number
    note: string
  }
  return {
    seconds: report.seconds,
    cpuSeconds: report.cpuSeconds,
    peakRssMiB: report.maxRssKiB / 1024,
    note: report.note,
  }
}

function measureXmllint(file: string): Sample {
  const child = spawnSync(
    '/usr/bin/time',
    ['-f', '%e %U %S %M', '/usr/bin/xmllint', '--stream', '--noout', file],
    { encoding: 'utf8' },
  )
  if (child.status !== 0) throw new Error(`xmllint failed: ${child.stderr}`)
  const [seconds, user, system, kib] = (child.stderr.trim().split('\n').pop() ?? '').split(' ').map(Number)
  return { seconds, cpuSeconds: user + system, peakRssMiB: kib / 1024, note: 'libxml2 streaming reader' }
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)]
}

/** The same content without line breaks or indentation (a minified export). */
function minify(source: string, target: string): void {
  const text = fs.readFileSync(source, 'utf8').replace(/>\r\n\s*</g, '><')
  fs.writeFileSync(target, text)
}

interface Subject {
  readonly name: string
  readonly run: () => Sample
}

function report(label: string, size: number, subjects: readonly Subject[], runs: number): void {
  console.log(`\n${label}`)
  console.log(
    `${'reader'.padEnd(34)} ${'wall s'.padStart(7)} ${'MiB/s'.padStart(8)} ${'CPU s'.padStart(7)} ${'MiB/CPU-s'.padStart(10)} ${'peak RSS'.padStart(9)}`,
  )
  for (const subject of subjects) {
    const samples: Sample[] = []
    for (let run = 0; run < runs; run++) samples.push(subject.run())
    const wall = median(samples.map((sample) => sample.seconds))
    const cpu = median(samples.map((sample) => sample.cpuSeconds))
    const rss = median(samples.map((sample) => sample.peakRssMiB))
    console.log(
      `${subject.name.padEnd(34)} ${wall.toFixed(3).padStart(7)} ${(size / MIB / wall).toFixed(1).padStart(8)} ${cpu.toFixed(3).padStart(7)} ${(size / MIB / cpu).toFixed(1).padStart(10)} ${`${rss.toFixed(0)} MiB`.padStart(9)}  ${samples[0].note}`,
    )
  }
}

function main(): void {
  const args = process.argv.slice(2)
  if (args[0] === '--child') {
    const mode = args[1] as Mode
    if (!MODES.includes(mode)) throw new Error(`unknown mode ${mode}`)
    const started = process.hrtime.bigint()
    const cpuStart = process.cpuUsage()
    const note = runChild(mode, args[2])
    const seconds = Number(process.hrtime.bigint() - started) / 1e9
    const cpu = process.cpuUsage(cpuStart)
    const cpuSeconds = (cpu.user + cpu.system) / 1e6
    console.log(JSON.stringify({ seconds, cpuSeconds, maxRssKiB: process.resourceUsage().maxRSS, note }))
    return
  }
  const mib = Number(args.find((arg) => /^\d+(\.\d+)?$/.test(arg)) ?? 200)
  const runsIndex = args.indexOf('--runs')
  const runs = runsIndex === -1 ? 3 : Number(args[runsIndex + 1])
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'synclens-csexport-'))
  const file = path.join(dir, 'csexport.xml')
  const minified = path.join(dir, 'csexport-minified.xml')
  try {
    const started = Date.now()
    const objects = generate(file, mib * MIB)
    const size = fs.statSync(file).size
    console.log(
      `generated ${(size / MIB).toFixed(1)} MiB, ${objects} objects (${Math.round(size / objects)} bytes/object) in ${((Date.now() - started) / 1000).toFixed(1)} s; median of ${runs} runs each; Node ${process.version}`,
    )
    report(
      'CRLF-indented export (as csexport.exe writes it)',
      size,
      [
        { name: 'raw read (1 MiB chunks)', run: () => measureChild('raw', file) },
        { name: 'xmllint --stream --noout', run: () => measureXmllint(file) },
        { name: 'saxes 6 (events only)', run: () => measureChild('saxes', file) },
        { name: 'CsExportReader on saxes reference', run: () => measureChild('reader-saxes', file) },
        { name: 'FastXmlScanner (tokens only)', run: () => measureChild('tokens', file) },
        { name: 'FastXmlScanner (decode everything)', run: () => measureChild('scan', file) },
        { name: 'CsExportReader (full CsObjects)', run: () => measureChild('reader', file) },
      ],
      runs,
    )
    minify(file, minified)
    const minifiedSize = fs.statSync(minified).size
    report(
      `minified (one line, ${(minifiedSize / MIB).toFixed(1)} MiB)`,
      minifiedSize,
      [
        { name: 'xmllint --stream --noout', run: () => measureXmllint(minified) },
        { name: 'CsExportReader (full CsObjects)', run: () => measureChild('reader', minified) },
      ],
      runs,
    )
  } finally {
    if (args.includes('--keep')) console.log(`kept ${dir}`)
    else fs.rmSync(dir, { recursive: true, force: true })
  }
}

main()
