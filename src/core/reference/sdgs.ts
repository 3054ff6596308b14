/** The 17 Sustainable Development Goals, short titles as the UN publishes them in six languages. */
import type { Localised } from '../../shared/localised.js';

type Row = [ar: string, zh: string, en: string, fr: string, ru: string, es: string];

const GOALS: Row[] = [
  ['القضاء على الفقر', '无贫穷', 'No poverty', 'Pas de pauvreté', 'Ликвидация нищеты', 'Fin de la pobreza'],
  ['القضاء التام على الجوع', '零饥饿', 'Zero hunger', 'Faim « zéro »', 'Ликвидация голода', 'Hambre cero'],
  [
    'الصحة الجيدة والرفاه',
    '良好健康与福祉',
    'Good health and well-being',
    'Bonne santé et bien-être',
    'Хорошее здоровье и благополучие',
    'Salud y bienestar',
  ],
  ['التعليم الجيد', '优质教育', 'Quality education', 'Éducation de qualité', 'Качественное образование', 'Educación de calidad'],
  ['المساواة بين الجنسين', '性别平等', 'Gender equality', 'Égalité entre les sexes', 'Гендерное равенство', 'Igualdad de género'],
  [
    'المياه النظيفة والنظافة الصحية',
    '清洁饮水和卫生设施',
    'Clean water and sanitation',
    'Eau propre et assainissement',
    'Чистая вода и санитария',
    'Agua limpia y saneamiento',
  ],
  [
    'طاقة نظيفة وبأسعار معقولة',
    '经济适用的清洁能源',
    'Affordable and clean energy',
    "Énergie propre et d'un coût abordable",
    'Недорогостоящая и чистая энергия',
    'Energía asequible y no contaminante',
  ],
  [
    'العمل اللائق ونمو الاقتصاد',
    '体面工作和经济增长',
    'Decent work and economic growth',
    'Travail décent et croissance économique',
    'Достойная работа и экономический рост',
    'Trabajo decente y crecimiento económico',
  ],
  [
    'الصناعة والابتكار والهياكل الأساسية',
    '产业、创新和基础设施',
    'Industry, innovation and infrastructure',
    'Industrie, innovation et infrastructure',
    'Индустриализация, инновации и инфраструктура',
    'Industria, innovación e infraestructura',
  ],
  [
    'الحد من أوجه عدم المساواة',
    '减少不平等',
    'Reduced inequalities',
    'Inégalités réduites',
    'Уменьшение неравенства',
    'Reducción de las desigualdades',
  ],
  [
    'مدن ومجتمعات محلية مستدامة',
    '可持续城市和社区',
    'Sustainable cities and communities',
    'Villes et communautés durables',
    'Устойчивые города и населённые пункты',
    'Ciudades y comunidades sostenibles',
  ],
  [
    'الاستهلاك والإنتاج المسؤولان',
    '负责任消费和生产',
    'Responsible consumption and production',
    'Consommation et production responsables',
    'Ответственное потребление и производство',
    'Producción y consumo responsables',
  ],
  [
    'العمل المناخي',
    '气候行动',
    'Climate action',
    'Mesures relatives à la lutte contre les changements climatiques',
    'Борьба с изменением климата',
    'Acción por el clima',
  ],
  ['الحياة تحت الماء', '水下生物', 'Life below water', 'Vie aquatique', 'Сохранение морских экосистем', 'Vida submarina'],
  ['الحياة في البر', '陆地生物', 'Life on land', 'Vie terrestre', 'Сохранение экосистем суши', 'Vida de ecosistemas terrestres'],
  [
    'السلام والعدل والمؤسسات القوية',
    '和平、正义与强大机构',
    'Peace, justice and strong institutions',
    'Paix, justice et institutions efficaces',
    'Мир, правосудие и эффективные институты',
    'Paz, justicia e instituciones sólidas',
  ],
  [
    'عقد الشراكات لتحقيق الأهداف',
    '促进目标实现的伙伴关系',
    'Partnerships for the goals',
    'Partenariats pour la réalisation des objectifs',
    'Партнёрство в интересах устойчивого развития',
    'Alianzas para lograr los objetivos',
  ],
];

/** Goal number (1–17) with its six-language short title. */
export const SDGS: { code: string; labels: Localised }[] = GOALS.map(([ar, zh, en, fr, ru, es], i) => ({
  code: String(i + 1),
  labels: { ar, zh, en, fr, ru, es },
}));
