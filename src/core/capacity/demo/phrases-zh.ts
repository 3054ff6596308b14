/** Chinese words of generated demo data (see phrases.ts; titles parallel to phrases-en.ts). */
import type { Phrases } from './phrases.js';

export const ZH: Phrases = {
  topics: {
    'digital-literacy': {
      titles: ['上网入门：日常数字技能', '面向社区培训师的数字素养'],
      summary: '自信地使用智能手机和电脑：浏览网页、电子邮件、在线表格和安全上网。',
      need: '农村社区居民的基本数字技能',
    },
    'digital-skills-for-work': {
      titles: ['现代职场的数字技能', '面向小企业员工的电子表格与数据'],
      summary: '生产力工具、在线协作以及雇主最需要的数字技能。',
      need: '失业青年的就业数字技能',
    },
    'digital-education-edtech': {
      titles: ['在网络条件差的学校中使用数字工具教学', '为师范院校设计混合式课程'],
      summary: '利用可离线使用的学习平台和开放教育资源备课。',
      need: '为联网学校开展教师数字工具培训',
    },
    'digital-inclusion-gender': {
      titles: ['弥合性别数字鸿沟：政策工具包', '科技领域女性领导力项目'],
      summary: '衡量并缩小女性与男性、农村与城市用户在接入和使用方面的差距。',
      need: '面向女性创业者的数字技能项目',
    },
    'accessibility-ict': {
      titles: ['政府网站的信息通信技术无障碍', '学校和图书馆中的辅助技术'],
      summary: '应用无障碍标准，使残疾人能够使用数字公共服务。',
      need: '实现政府网站无障碍',
    },
    'broadband-policy-regulation': {
      titles: ['国家宽带计划：从目标到落实', '行之有效的普遍服务基金'],
      summary: '制定宽带政策、许可制度和普遍服务基金，让所有人都能负担得起上网。',
      need: '支持起草国家宽带计划',
    },
    'spectrum-management': {
      titles: ['频谱监测与执法', '面向监管机构的频谱定价与拍卖'],
      summary: '规划、指配和监测无线电频谱，并协调卫星网络。',
      need: '为监管机构开展频谱监测培训',
    },
    'emerging-tech-iot-5g': {
      titles: ['发展中市场的5G部署战略', '物联网助力智慧农业'],
      summary: '了解5G、物联网和卫星网络，并规划其部署。',
      need: '国家5G路线图指导',
    },
    cybersecurity: {
      titles: ['面向国家CIRT的网络安全事件响应', '制定国家网络安全战略'],
      summary: '建立事件响应能力，编写国家网络安全战略，提升政府部门的网络卫生水平。',
      need: '组建国家计算机事件响应小组',
    },
    'data-protection-privacy': {
      titles: ['数据保护法的实践', '公共部门系统的隐私设计'],
      summary: '起草和实施个人数据保护法，建设监管机构。',
      need: '为新成立的数据保护机构提供培训',
    },
    'online-safety-child-protection': {
      titles: ['面向教育工作者和家长的儿童在线保护', '应对网上有害内容'],
      summary: '通过政策、教育和举报机制在网上保护儿童和用户。',
      need: '面向教师的儿童在线保护培训',
    },
    'data-governance-statistics': {
      titles: ['信息通信技术统计与住户调查', '面向公共机构的开放数据'],
      summary: '收集、发布和使用信息通信技术统计数据和政府开放数据。',
      need: '提升统计局开展信息通信技术住户调查的能力',
    },
    'ai-policy-ethics': {
      titles: ['面向决策者的人工智能政策与治理', '公共部门中负责任的人工智能'],
      summary: '制定国家人工智能战略，以负责任和合乎伦理的方式治理政府对人工智能的使用。',
      need: '国家人工智能战略咨询',
    },
    'e-government-digital-public-services': {
      titles: ['设计数字公共服务', '电子政务的互操作性'],
      summary: '围绕用户需求将公共服务搬到网上，并使政府系统协同工作。',
      need: '公共服务数字化转型',
    },
    'digital-public-infrastructure': {
      titles: ['数字身份系统：设计与保障措施', '数字公共基础设施实践'],
      summary: '将数字身份、支付和数据交换建设为带有保障措施的共享公共基础设施。',
      need: '数字身份系统技术援助',
    },
    'digital-financial-services': {
      titles: ['移动货币与普惠金融', '数字支付监管'],
      summary: '安全地扩大移动货币和数字支付，惠及没有银行账户的人群。',
      need: '面向监管机构的数字普惠金融培训',
    },
    'e-commerce-trade': {
      titles: ['面向小企业的电子商务', '数字贸易政策与谈判'],
      summary: '帮助小企业在网上销售，并为谈判人员应对数字贸易规则做好准备。',
      need: '小型出口商的电子商务技能',
    },
    'digital-health': {
      titles: ['数字卫生战略与卫生信息系统', '面向农村诊所的远程医疗'],
      summary: '规划数字卫生，运行卫生信息系统，并提供远程医疗服务。',
      need: '县级卫生人员卫生信息系统培训',
    },
    'climate-green-ict': {
      titles: ['面向城市的电子废物管理', '绿色信息通信技术与节能网络'],
      summary: '减少网络和设备的环境足迹，并安全管理电子废物。',
      need: '电子废物管理政策支持',
    },
    'open-source-software': {
      titles: ['政府使用开源软件', '数字公共产品：采用与贡献'],
      summary: '在公共部门使用、开发和治理开源软件与数字公共产品。',
      need: '各部委开源软件采用计划',
    },
  },
  financing: ['农村连通性融资', '最后一公里宽带混合融资'],
  infrastructure: ['社区网络设备与安装', '农村学校太阳能联网'],
  financingSummary: '一项支持普遍和有意义连通的融资承诺，面向符合条件的国家项目。',
  infrastructureSummary: '一项实物承诺，为未联网社区提供设备和部署支持。',
  waiver: '来自最不发达国家的学员免交费用。',
  place: (name) => `（${name}）`,
  demoOffering: '生成的演示数据：此服务为展示目录而虚构，并非真实。',
  demoNeed: '生成的演示数据：此需求为展示目录而虚构，并非真实。',
  needIntro: (country, people) => `${country}：需要为约${people}人提供支持。`,
  delivery: (hours) => `约${hours}小时的学习。`,
};
