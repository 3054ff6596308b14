/** Spanish words of generated demo data (see phrases.ts; titles parallel to phrases-en.ts). */
import type { Phrases } from './phrases.js';

export const ES: Phrases = {
  topics: {
    'digital-literacy': {
      titles: ['Primeros pasos en línea: competencias digitales cotidianas', 'Alfabetización digital para formadores comunitarios'],
      summary:
        'Usar un teléfono inteligente y una computadora con confianza: navegación, correo electrónico, formularios en línea y seguridad.',
      need: 'Competencias digitales básicas para habitantes de zonas rurales',
    },
    'digital-skills-for-work': {
      titles: ['Competencias digitales para el trabajo actual', 'Hojas de cálculo y datos para el personal de pequeñas empresas'],
      summary: 'Herramientas de productividad, colaboración en línea y las competencias digitales que más piden los empleadores.',
      need: 'Competencias digitales para el empleo de jóvenes desempleados',
    },
    'digital-education-edtech': {
      titles: ['Enseñar con herramientas digitales en escuelas con poca conectividad', 'Diseño de cursos mixtos para escuelas normales'],
      summary: 'Planificar clases con plataformas de aprendizaje sin conexión y recursos educativos abiertos.',
      need: 'Formación docente en herramientas digitales para escuelas conectadas',
    },
    'digital-inclusion-gender': {
      titles: ['Cerrar la brecha digital de género: conjunto de herramientas', 'Programa de liderazgo de mujeres en tecnología'],
      summary: 'Medir y cerrar las brechas de acceso y uso entre mujeres y hombres, zonas rurales y urbanas.',
      need: 'Programa de competencias digitales para mujeres emprendedoras',
    },
    'accessibility-ict': {
      titles: ['Accesibilidad de las TIC en los sitios web públicos', 'Tecnologías de apoyo en escuelas y bibliotecas'],
      summary: 'Aplicar normas de accesibilidad para que las personas con discapacidad puedan usar los servicios públicos digitales.',
      need: 'Hacer accesibles los sitios web del gobierno',
    },
    'broadband-policy-regulation': {
      titles: ['Planes nacionales de banda ancha: de las metas a la ejecución', 'Fondos de servicio universal que funcionan'],
      summary: 'Diseñar políticas de banda ancha, licencias y fondos de servicio universal que lleven acceso asequible a todos.',
      need: 'Apoyo para redactar el plan nacional de banda ancha',
    },
    'spectrum-management': {
      titles: ['Comprobación técnica del espectro y cumplimiento', 'Precios y subastas del espectro para reguladores'],
      summary: 'Planificar, asignar y comprobar el espectro radioeléctrico y coordinar redes de satélites.',
      need: 'Capacitación en comprobación técnica del espectro para el regulador',
    },
    'emerging-tech-iot-5g': {
      titles: ['Estrategias de despliegue del 5G en mercados en desarrollo', 'Internet de las cosas para la agricultura inteligente'],
      summary: 'Comprender el 5G, la internet de las cosas y las redes satelitales, y planificar su despliegue.',
      need: 'Orientación para una hoja de ruta nacional del 5G',
    },
    cybersecurity: {
      titles: ['Respuesta a incidentes de ciberseguridad para los CIRT nacionales', 'Elaborar una estrategia nacional de ciberseguridad'],
      summary:
        'Organizar la respuesta a incidentes, redactar una estrategia nacional de ciberseguridad y mejorar la ciberhigiene en el gobierno.',
      need: 'Creación de un equipo nacional de respuesta a incidentes informáticos',
    },
    'data-protection-privacy': {
      titles: ['La ley de protección de datos en la práctica', 'Privacidad desde el diseño en los sistemas públicos'],
      summary: 'Redactar y aplicar la legislación de protección de datos personales y fortalecer las autoridades de control.',
      need: 'Capacitación para la nueva autoridad de protección de datos',
    },
    'online-safety-child-protection': {
      titles: ['Protección de la infancia en línea para docentes y familias', 'Hacer frente a los contenidos nocivos en línea'],
      summary: 'Proteger a niños y usuarios en línea con políticas, educación y mecanismos de denuncia.',
      need: 'Formación docente en protección de la infancia en línea',
    },
    'data-governance-statistics': {
      titles: ['Estadísticas de TIC y encuestas de hogares', 'Datos abiertos para instituciones públicas'],
      summary: 'Recopilar, publicar y utilizar estadísticas de TIC y datos abiertos del gobierno.',
      need: 'Capacidad del instituto de estadística para encuestas de hogares sobre TIC',
    },
    'ai-policy-ethics': {
      titles: ['Política y gobernanza de la IA para responsables de decisiones', 'IA responsable en el sector público'],
      summary: 'Redactar una estrategia nacional de IA y regular su uso en el gobierno de forma responsable y ética.',
      need: 'Asesoramiento sobre una estrategia nacional de inteligencia artificial',
    },
    'e-government-digital-public-services': {
      titles: ['Diseño de servicios públicos digitales', 'Interoperabilidad para el gobierno electrónico'],
      summary:
        'Llevar los servicios públicos a línea según las necesidades de las personas y hacer que los sistemas del gobierno trabajen juntos.',
      need: 'Transformación digital de los servicios públicos',
    },
    'digital-public-infrastructure': {
      titles: ['Sistemas de identidad digital: diseño y salvaguardias', 'La infraestructura pública digital en la práctica'],
      summary:
        'Construir la identidad digital, los pagos y el intercambio de datos como infraestructura pública compartida, con salvaguardias.',
      need: 'Asistencia técnica para un sistema de identidad digital',
    },
    'digital-financial-services': {
      titles: ['Dinero móvil e inclusión financiera', 'Regulación de los pagos digitales'],
      summary: 'Ampliar de forma segura el dinero móvil y los pagos digitales para llegar a las personas no bancarizadas.',
      need: 'Capacitación de reguladores en inclusión financiera digital',
    },
    'e-commerce-trade': {
      titles: ['Comercio electrónico para pequeñas empresas', 'Política y negociaciones de comercio digital'],
      summary: 'Ayudar a las pequeñas empresas a vender en línea y preparar a los negociadores para las normas del comercio digital.',
      need: 'Competencias de comercio electrónico para pequeños exportadores',
    },
    'digital-health': {
      titles: ['Estrategias de salud digital y sistemas de información sanitaria', 'Telemedicina para centros de salud rurales'],
      summary: 'Planificar la salud digital, gestionar sistemas de información sanitaria y atender a distancia.',
      need: 'Capacitación del personal de distrito en sistemas de información sanitaria',
    },
    'climate-green-ict': {
      titles: ['Gestión de residuos electrónicos para municipios', 'TIC verdes y redes energéticamente eficientes'],
      summary: 'Reducir la huella de las redes y los dispositivos y gestionar de forma segura los residuos electrónicos.',
      need: 'Apoyo a una política de gestión de residuos electrónicos',
    },
    'open-source-software': {
      titles: ['Software de código abierto para el gobierno', 'Bienes públicos digitales: adoptar y contribuir'],
      summary: 'Usar, desarrollar y gobernar software de código abierto y bienes públicos digitales en el sector público.',
      need: 'Plan de adopción de código abierto para los ministerios',
    },
  },
  financing: ['Financiación de la conectividad rural', 'Financiación combinada para la banda ancha de última milla'],
  infrastructure: ['Equipos e instalación de redes comunitarias', 'Conectividad solar para escuelas rurales'],
  financingSummary:
    'Un compromiso de financiación para la conectividad universal y significativa, abierto a programas nacionales elegibles.',
  infrastructureSummary: 'Un compromiso en especie de equipos y apoyo al despliegue para comunidades sin conexión.',
  waiver: 'Se exime de la tarifa a los participantes de los países menos adelantados.',
  place: (name) => ` — ${name}`,
  demoOffering: 'Datos de demostración generados: esta oferta se inventó para mostrar el catálogo y no es real.',
  demoNeed: 'Datos de demostración generados: esta necesidad se inventó para mostrar el catálogo y no es real.',
  needIntro: (country, people) => `${country} — se busca apoyo para unas ${people} personas.`,
  delivery: (hours) => `Unas ${hours} horas de aprendizaje.`,
};
