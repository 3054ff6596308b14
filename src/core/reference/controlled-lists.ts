/**
 * The platform's controlled vocabularies, shared by offerings, needs and
 * profiles so that demand and supply are described in the same words.
 */
import type { Localised } from '../../shared/localised.js';

type Term = { code: string; labels: Localised; parentCode?: string };
export interface ControlledList {
  name: string;
  labels: Localised;
  terms: Term[];
}

const t = (code: string, ar: string, zh: string, en: string, fr: string, ru: string, es: string, parentCode?: string): Term => ({
  code,
  labels: { ar, zh, en, fr, ru, es },
  ...(parentCode ? { parentCode } : {}),
});

export const CONTROLLED_LISTS: ControlledList[] = [
  {
    name: 'audiences',
    labels: { ar: 'الفئات المستهدفة', zh: '受众', en: 'Audiences', fr: 'Publics', ru: 'Аудитории', es: 'Públicos' },
    terms: [
      t(
        'policymakers-regulators',
        'صانعو السياسات والمنظمون',
        '政策制定者和监管机构',
        'Policymakers and regulators',
        'Décideurs et régulateurs',
        'Политики и регуляторы',
        'Responsables de políticas y reguladores',
      ),
      t(
        'public-servants',
        'موظفو الخدمة العامة',
        '公务员',
        'Public servants',
        'Fonctionnaires',
        'Государственные служащие',
        'Servidores públicos',
      ),
      t(
        'enterprises-smes',
        'المؤسسات والمنشآت الصغيرة والمتوسطة',
        '企业和中小企业',
        'Enterprises and SMEs',
        'Entreprises et PME',
        'Предприятия и МСП',
        'Empresas y pymes',
      ),
      t('educators', 'المعلمون', '教育工作者', 'Educators', 'Éducateurs', 'Педагоги', 'Educadores'),
      t('individuals', 'الأفراد', '个人', 'Individuals', 'Particuliers', 'Частные лица', 'Personas'),
    ],
  },
  {
    name: 'target-groups',
    labels: {
      ar: 'الفئات ذات الأولوية',
      zh: '目标群体',
      en: 'Target groups',
      fr: 'Groupes cibles',
      ru: 'Целевые группы',
      es: 'Grupos destinatarios',
    },
    terms: [
      t('women-girls', 'النساء والفتيات', '妇女和女童', 'Women and girls', 'Femmes et filles', 'Женщины и девочки', 'Mujeres y niñas'),
      t('youth', 'الشباب', '青年', 'Youth', 'Jeunes', 'Молодёжь', 'Jóvenes'),
      t('older-persons', 'كبار السن', '老年人', 'Older persons', 'Personnes âgées', 'Пожилые люди', 'Personas mayores'),
      t(
        'persons-with-disabilities',
        'الأشخاص ذوو الإعاقة',
        '残疾人',
        'Persons with disabilities',
        'Personnes handicapées',
        'Лица с инвалидностью',
        'Personas con discapacidad',
      ),
    ],
  },
  {
    name: 'levels',
    labels: { ar: 'المستويات', zh: '级别', en: 'Levels', fr: 'Niveaux', ru: 'Уровни', es: 'Niveles' },
    terms: [
      t('foundation', 'أساسي', '基础', 'Foundation', 'Fondamental', 'Базовый', 'Básico'),
      t('intermediate', 'متوسط', '中级', 'Intermediate', 'Intermédiaire', 'Средний', 'Intermedio'),
      t('advanced', 'متقدم', '高级', 'Advanced', 'Avancé', 'Продвинутый', 'Avanzado'),
      t(
        'highly-specialised',
        'عالي التخصص',
        '高度专业化',
        'Highly specialised',
        'Hautement spécialisé',
        'Узкоспециализированный',
        'Altamente especializado',
      ),
    ],
  },
  {
    name: 'modalities',
    labels: { ar: 'طرائق التقديم', zh: '形式', en: 'Modalities', fr: 'Modalités', ru: 'Форматы', es: 'Modalidades' },
    terms: [
      t(
        'self-paced-online',
        'عبر الإنترنت بالوتيرة الذاتية',
        '在线自学',
        'Self-paced online',
        'En ligne, à son rythme',
        'Онлайн в своём темпе',
        'En línea a su propio ritmo',
      ),
      t(
        'live-online',
        'مباشر عبر الإنترنت',
        '在线直播',
        'Live online',
        'En ligne, en direct',
        'Онлайн в реальном времени',
        'En línea en directo',
      ),
      t('in-person', 'حضوري', '面授', 'In person', 'En présentiel', 'Очно', 'Presencial'),
      t('blended', 'مدمج', '混合式', 'Blended', 'Hybride', 'Смешанный', 'Mixto'),
    ],
  },
  {
    name: 'bandwidth',
    labels: {
      ar: 'عرض النطاق المطلوب',
      zh: '所需带宽',
      en: 'Bandwidth needed',
      fr: 'Bande passante requise',
      ru: 'Требуемая пропускная способность',
      es: 'Ancho de banda necesario',
    },
    terms: [
      t(
        'offline',
        'يعمل دون اتصال',
        '可离线使用',
        'Works offline',
        'Fonctionne hors ligne',
        'Работает без подключения',
        'Funciona sin conexión',
      ),
      t('low', 'منخفض', '低', 'Low', 'Faible', 'Низкая', 'Bajo'),
      t('high', 'مرتفع', '高', 'High', 'Élevée', 'Высокая', 'Alto'),
    ],
  },
  {
    name: 'organisation-kinds',
    labels: {
      ar: 'أنواع المنظمات',
      zh: '组织类型',
      en: 'Organisation kinds',
      fr: "Types d'organisation",
      ru: 'Типы организаций',
      es: 'Tipos de organización',
    },
    terms: [
      t(
        'member-state',
        'دولة عضو / جهة حكومية',
        '会员国/政府机构',
        'Member state / government body',
        'État membre / organisme public',
        'Государство-член / государственный орган',
        'Estado miembro / organismo gubernamental',
      ),
      t(
        'un-entity',
        'كيان تابع للأمم المتحدة',
        '联合国实体',
        'UN entity',
        'Entité des Nations Unies',
        'Структура ООН',
        'Entidad de las Naciones Unidas',
      ),
      t(
        'intergovernmental',
        'منظمة حكومية دولية أخرى',
        '其他政府间组织',
        'Other intergovernmental organisation',
        'Autre organisation intergouvernementale',
        'Другая межправительственная организация',
        'Otra organización intergubernamental',
      ),
      t('private-sector', 'القطاع الخاص', '私营部门', 'Private sector', 'Secteur privé', 'Частный сектор', 'Sector privado'),
      t('academia', 'الأوساط الأكاديمية', '学术界', 'Academia', 'Milieu universitaire', 'Академические круги', 'Academia'),
      t('civil-society', 'المجتمع المدني', '民间社会', 'Civil society', 'Société civile', 'Гражданское общество', 'Sociedad civil'),
    ],
  },
  {
    name: 'offering-kinds',
    labels: {
      ar: 'أنواع العروض',
      zh: '服务类型',
      en: 'Offering kinds',
      fr: "Types d'offre",
      ru: 'Виды предложений',
      es: 'Tipos de oferta',
    },
    terms: [
      t('training', 'تدريب', '培训', 'Training', 'Formation', 'Тренинг', 'Capacitación'),
      t('course', 'دورة دراسية', '课程', 'Course', 'Cours', 'Курс', 'Curso'),
      t('programme', 'برنامج', '项目', 'Programme', 'Programme', 'Программа', 'Programa'),
      t(
        'advisory-service',
        'خدمة استشارية',
        '咨询服务',
        'Advisory service',
        'Service de conseil',
        'Консультационная услуга',
        'Servicio de asesoramiento',
      ),
    ],
  },
];
