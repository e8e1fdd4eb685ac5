// A stock Starlight site: nothing configured beyond its title, as `npm create astro -- --template starlight` makes it.
import starlight from '@astrojs/starlight';
import { defineConfig } from 'astro/config';

export default defineConfig({
  integrations: [starlight({ title: 'Runbooks' })],
});
