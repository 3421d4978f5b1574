import { type ExprNode, parseExpression } from '../expression/index'

/**
 * Whether two expressions are the same expression: their syntax trees match with attribute, parameter and
 * function names compared case-insensitively (the engine resolves them so) and string literals exactly.
 * `IIF( IsPresent([Mail]),[mail] ,NULL)` and `IIF(IsPresent([mail]), [mail], NULL)` are the same; `"Sales"`
 * and `"sales"` are not. When either does not parse, both are compared as text with spacing and case folded
 * outside string literals.
 */
export function sameExpression(left: string, right: string): boolean {
  const a = parseExpression(left)
  const b = parseExpression(right)
  if (a.ok && b.ok) return nodeKey(a.ast) === nodeKey(b.ast)
  return foldedText(left) === foldedText(right)
}

/** The text with whitespace removed and letters lower-cased outside `"..."` literals. */
function foldedText(text: string): string {
  let folded = ''
  let inString = false
  for (let index = 0; index < text.length; index += 1) {
    const char = text[index] ?? ''
    if (inString) {
      folded += char
      if (char === '\\') folded += text[++index] ?? ''
      else if (char === '"') inString = false
    } else if (char === '"') {
      inString = true
      folded += char
    } else if (!/\s/.test(char)) folded += char.toLowerCase()
  }
  return folded
}

function nodeKey(node: ExprNode): string {
  switch (node.kind) {
    case 'string':
      return JSON.stringify(node.value)
    case 'number':
      return String(node.value)
    case 'boolean':
      return node.value ? 'true' : 'false'
    case 'constant':
      return `#${node.name.toLowerCase()}`
    case 'enum':
      return `!${node.name.toLowerCase()}`
    case 'attribute':
      return `[${node.name.trim().toLowerCase()}]`
    case 'parameter':
      return `%${node.name.trim().toLowerCase()}%`
    case 'variable':
      return `$${node.name.toLowerCase()}`
    case 'call':
      return `${node.name.toLowerCase()}(${node.args.map(nodeKey).join(',')})`
    case 'binary':
      return `(${nodeKey(node.left)}${node.operator}${nodeKey(node.right)})`
  }
}
