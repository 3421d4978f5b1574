import { Menu } from 'electron'
import { buildMenuTemplate, type MenuModel } from './menu-template'

/** Installs (or replaces) the application menu. */
export function installMenu(model: MenuModel): void {
  Menu.setApplicationMenu(Menu.buildFromTemplate(buildMenuTemplate(model)))
}
