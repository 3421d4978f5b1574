export { formatBytes, formatCount, formatDuration, formatRate, percent } from '../../shared/text/format'
